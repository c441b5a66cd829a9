/**
 * Export controls and the export-control exposure question.
 */
@NullMarked
package org.criticalminerals.exportcontrol;

import org.jspecify.annotations.NullMarked;
