package io.phonectl.server.event;

import io.phonectl.server.credential.SecretBox;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.Hashing;

import java.time.InstantSource;
import java.util.Optional;

/**
 * Random secrets the service makes once and every replica shares (the callback endpoint's password), sealed with
 * the master key in {@code service_secrets}. Whoever inserts first wins; the others read it.
 */
public final class ServiceSecrets {

    private final Database db;
    private final SecretBox box;
    private final InstantSource clock;

    public ServiceSecrets(Database db, SecretBox box, InstantSource clock) {
        this.db = db;
        this.box = box;
        this.clock = clock;
    }

    /** The secret of this name, made now if there is none. */
    public String getOrCreate(String name) {
        return read(name).orElseGet(() -> {
            SecretBox.Sealed s = box.seal(Hashing.newToken(""), name);
            try {
                db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO service_secrets (name, key_id, nonce, sealed, "
                                + "created_at) VALUES (?, ?, ?, ?, ?)")
                        .bind(0, name).bind(1, box.keyId()).bind(2, s.nonce()).bind(3, s.box())
                        .bind(4, Sql.ts(clock.instant())).execute());
            } catch (RuntimeException e) {
                if (!Sql.uniqueViolation(e)) {
                    throw e;
                }
            }
            return read(name).orElseThrow();
        });
    }

    private Optional<String> read(String name) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT nonce, sealed FROM service_secrets WHERE name = ?")
                .bind(0, name).map((rs, ctx) -> new SecretBox.Sealed(rs.getBytes(1), rs.getBytes(2))).findOne())
                .map(s -> box.open(s, name));
    }
}
