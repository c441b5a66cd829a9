/**
 * Command-line clients of a running service (import and export over HTTP, with an API key). They depend on
 * the JDK only, so that {@code tools/import} and {@code tools/export} run them straight from the compiled
 * classes.
 */
@NullMarked
package org.criticalminerals.cli;

import org.jspecify.annotations.NullMarked;
