package org.criticalminerals.protocol;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.criticalminerals.api.LeastRecentlyUsed;
import org.criticalminerals.security.ApiKeys;

/**
 * The documents clients registered under their SHA-256 (Apollo's automatic persisted queries), least recently
 * used dropped first. A document is kept only under its own hash, so nobody can make a hash stand for another
 * document; what a document may do is decided on its text at every use, never at registration.
 */
final class PersistedQueries {

    private final LeastRecentlyUsed<String, String> byHash;

    PersistedQueries(int capacity) {
        this.byHash = new LeastRecentlyUsed<>(capacity);
    }

    Optional<String> find(String sha256Hex) {
        return Optional.ofNullable(byHash.get(sha256Hex.toLowerCase(Locale.ROOT)));
    }

    /** @return false, keeping nothing, when the hash is not the document's */
    boolean register(String sha256Hex, String document) {
        if (!hash(document).equalsIgnoreCase(sha256Hex)) {
            return false;
        }
        byHash.put(sha256Hex.toLowerCase(Locale.ROOT), document);
        return true;
    }

    int size() {
        return byHash.size();
    }

    static String hash(String document) {
        return HexFormat.of().formatHex(ApiKeys.sha256(document));
    }
}
