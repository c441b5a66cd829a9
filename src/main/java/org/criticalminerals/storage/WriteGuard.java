package org.criticalminerals.storage;

import java.util.Optional;

/** Asked by the write path before it writes, and about a write that failed. */
public interface WriteGuard {

    /** @throws StorageFullException when the database cannot take a write now; nothing has been written */
    void checkWritable();

    /** The failure as a storage failure, if it is one (the database stopped writing, the disk is full). */
    Optional<StorageFullException> explain(Throwable failure);

    /** Server mode: the database's disk is the server's concern, and its errors say so themselves. */
    WriteGuard NONE = new WriteGuard() {
        @Override
        public void checkWritable() {
        }

        @Override
        public Optional<StorageFullException> explain(Throwable failure) {
            return Optional.empty();
        }
    };
}
