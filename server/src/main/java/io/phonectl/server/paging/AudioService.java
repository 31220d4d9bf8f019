package io.phonectl.server.paging;

import io.phonectl.media.MediaException;
import io.phonectl.media.g711.G711;
import io.phonectl.media.wav.PcmAudio;
import io.phonectl.media.wav.WavReader;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Page;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Audio for pages: a WAV of any rate and channel count is read by the media module's reader (which checks it),
 * mixed to mono, resampled to 8 kHz and encoded as G.711 mu-law once, when it is uploaded; pages stream the stored
 * bytes as they are.
 */
public final class AudioService {

    public static final int MAX_NAME = 100;
    /** Five minutes of audio: a page longer than that is a broadcast, not a page. */
    public static final double MAX_SECONDS = 300;
    /** What an upload may be (a 48 kHz stereo 16-bit WAV of a little over a minute). */
    public static final long MAX_UPLOAD_BYTES = 16L * 1024 * 1024;

    /** A stored clip (never its bytes). */
    public record Clip(long id, String name, double seconds, int sourceRate, int sourceChannels, long sourceBytes,
                       String createdBy, Instant createdAt) {
    }

    private final Database db;
    private final InstantSource clock;

    public AudioService(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    public Clip store(String name, byte[] wav, String actor) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME || !name.matches("[\\p{L}\\p{N} ._-]+")) {
            throw new ApiException.Invalid("name", name, "1.." + MAX_NAME + " letters, digits, space, . _ -");
        }
        PcmAudio pcm;
        try {
            pcm = WavReader.read(wav);
        } catch (MediaException e) {
            throw new ApiException.Invalid("body", wav.length + " bytes", "a readable WAV file (" + e.getMessage() + ")");
        }
        byte[] mulaw = pcm.toG711(G711.MU_LAW);
        double seconds = mulaw.length / 8000.0;
        if (mulaw.length == 0) {
            throw new ApiException.Invalid("body", "0 samples", "a WAV file holding audio");
        }
        if (seconds > MAX_SECONDS) {
            throw new ApiException.Invalid("body", String.format(java.util.Locale.ROOT, "%.1f s", seconds),
                    "at most " + (int) MAX_SECONDS + " s of audio");
        }
        Instant now = clock.instant();
        try {
            long id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO audio_clips (name, seconds, source_rate, "
                            + "source_channels, source_bytes, mulaw, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, name.strip()).bind(1, seconds).bind(2, pcm.sampleRate()).bind(3, pcm.channels().length)
                    .bind(4, (long) wav.length).bind(5, mulaw).bind(6, actor).bind(7, Sql.ts(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            return get(id);
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new ApiException.Conflict("name", name.strip(), "a name no other audio clip has");
            }
            throw e;
        }
    }

    public Clip get(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, name, seconds, source_rate, source_channels, "
                        + "source_bytes, created_by, created_at FROM audio_clips WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> new Clip(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5),
                        rs.getLong(6), rs.getString(7), Sql.instant(rs, "created_at"))).findOne())
                .orElseThrow(() -> new ApiException.NotFound("audio", id));
    }

    public Page<Clip> list() {
        List<Clip> all = db.jdbi().withHandle(h -> h.createQuery("SELECT id, name, seconds, source_rate, "
                        + "source_channels, source_bytes, created_by, created_at FROM audio_clips ORDER BY id")
                .map((rs, ctx) -> new Clip(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5),
                        rs.getLong(6), rs.getString(7), Sql.instant(rs, "created_at"))).list());
        return new Page<>(all, null, all.size());
    }

    public void delete(long id) {
        get(id);
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM audio_clips WHERE id = ?").bind(0, id).execute());
    }

    /** The converted bytes a page streams. */
    byte[] mulaw(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT mulaw FROM audio_clips WHERE id = ?").bind(0, id)
                .mapTo(byte[].class).findOne()).orElseThrow(() -> new ApiException.NotFound("audio", id));
    }
}
