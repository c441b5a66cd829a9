package org.criticalminerals.readiness;

import org.criticalminerals.api.ErrorCode;

/**
 * Why the service refuses traffic when something other than start-up or shutdown made it so: the source of the
 * {@code AvailabilityChangeEvent} that set readiness to REFUSING_TRAFFIC. The data endpoints answer 503 with it.
 */
public interface RefusalReason {

    ErrorCode code();

    /** What the caller reads: what happened and when to retry. */
    String message();
}
