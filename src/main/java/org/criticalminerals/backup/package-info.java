/**
 * Backup and restore of a whole store: {@code tools/backup} (the client, {@code cli.BackupCommand}) writes the
 * running service's export and a manifest of its counts into one file; {@link RestoreCommand} loads such a file into
 * a new, empty data directory and checks the store against the manifest.
 */
@NullMarked
package org.criticalminerals.backup;

import org.jspecify.annotations.NullMarked;
