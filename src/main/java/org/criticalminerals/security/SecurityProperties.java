package org.criticalminerals.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cmg.security.*}: the API keys ({@code CMG_API_KEYS}) and whether reads need a key
 * ({@code CMG_READ_ACCESS}: {@code open}, the default, or {@code reader}).
 */
@ConfigurationProperties("cmg.security")
public record SecurityProperties(String apiKeys, ReadAccess readAccess) {

    public enum ReadAccess {
        /** anyone may read */
        OPEN,
        /** reads need a key with the reader role or above */
        READER
    }

    public SecurityProperties {
        apiKeys = apiKeys == null ? "" : apiKeys;
        readAccess = readAccess == null ? ReadAccess.OPEN : readAccess;
    }
}
