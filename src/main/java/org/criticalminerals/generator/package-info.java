/**
 * A deterministic generator of realistic partner files, for benchmarks and load tests. Depends on the JDK
 * only, so that {@code tools/generate-partner-file} runs it straight from the compiled classes.
 */
@NullMarked
package org.criticalminerals.generator;

import org.jspecify.annotations.NullMarked;
