package io.phonectl.server;

import io.phonectl.server.auth.SecurityConfig;
import io.phonectl.server.credential.CredentialConfig;
import io.phonectl.server.db.DatabaseConfig;
import io.phonectl.server.device.DeviceConfig;
import io.phonectl.server.event.EventsConfig;
import io.phonectl.server.http.HttpConfig;
import io.phonectl.server.job.JobsConfig;
import io.phonectl.server.live.LiveConfig;
import io.phonectl.server.paging.PageSettings;
import io.phonectl.server.relay.RelayConfig;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@link PhonectlServer#start} needs, one record per section (each documents its defaults).
 *
 * @param dataDir     the data folder: the H2 database, the master key file, imports (default {@code ./phonectl-data})
 * @param http        where and how to listen (loopback:8080, plain HTTP)
 * @param database    H2 in the data folder (null) or PostgreSQL
 * @param security    first admin, BCrypt cost, sessions, login throttling
 * @param credentials where the key that encrypts device credentials comes from
 * @param devices     where server-side imports may be read from
 * @param jobs        how jobs run: concurrent jobs, heartbeats, batches, timeouts, limits
 * @param events      the event stream, the phones' callback endpoint, webhooks
 * @param relay       the authentication relay (on {@code /authenticate}, no upstream by default)
 * @param live        live xAPI connections and the paced poll of XSI phones
 * @param paging      pages: the default unicast RTP port, the interface multicast pages leave by (the OS's choice)
 */
public record ServerConfig(Path dataDir, HttpConfig http, DatabaseConfig database, SecurityConfig security,
                           CredentialConfig credentials, DeviceConfig devices, JobsConfig jobs, EventsConfig events,
                           RelayConfig relay, LiveConfig live, PageSettings paging) {

    public static final Path DEFAULT_DATA = Path.of("phonectl-data");

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        http = http == null ? HttpConfig.loopback(HttpConfig.DEFAULT_PORT) : http;
        database = database == null ? DatabaseConfig.h2(dataDir) : database;
        security = security == null ? SecurityConfig.defaults() : security;
        credentials = credentials == null ? CredentialConfig.fromEnvironment() : credentials;
        devices = devices == null ? DeviceConfig.defaults(dataDir) : devices;
        jobs = jobs == null ? JobsConfig.defaults() : jobs;
        events = events == null ? EventsConfig.defaults() : events;
        relay = relay == null ? RelayConfig.defaults() : relay;
        live = live == null ? LiveConfig.defaults() : live;
        paging = paging == null ? PageSettings.defaults() : paging;
    }

    /** Every default, with this data folder. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(dataDir, null, null, null, null, null, null, null, null, null, null);
    }

    public ServerConfig withHttp(HttpConfig h) {
        return new ServerConfig(dataDir, h, database, security, credentials, devices, jobs, events, relay, live, paging);
    }

    public ServerConfig withDatabase(DatabaseConfig d) {
        return new ServerConfig(dataDir, http, d, security, credentials, devices, jobs, events, relay, live, paging);
    }

    public ServerConfig withSecurity(SecurityConfig s) {
        return new ServerConfig(dataDir, http, database, s, credentials, devices, jobs, events, relay, live, paging);
    }

    public ServerConfig withCredentials(CredentialConfig c) {
        return new ServerConfig(dataDir, http, database, security, c, devices, jobs, events, relay, live, paging);
    }

    public ServerConfig withJobs(JobsConfig j) {
        return new ServerConfig(dataDir, http, database, security, credentials, devices, j, events, relay, live, paging);
    }

    public ServerConfig withEvents(EventsConfig e) {
        return new ServerConfig(dataDir, http, database, security, credentials, devices, jobs, e, relay, live, paging);
    }

    public ServerConfig withDevices(DeviceConfig d) {
        return new ServerConfig(dataDir, http, database, security, credentials, d, jobs, events, relay, live, paging);
    }

    public ServerConfig withRelay(RelayConfig r) {
        return new ServerConfig(dataDir, http, database, security, credentials, devices, jobs, events, r, live, paging);
    }

    public ServerConfig withPaging(PageSettings p) {
        return new ServerConfig(dataDir, http, database, security, credentials, devices, jobs, events, relay, live, p);
    }

    public ServerConfig withLive(LiveConfig l) {
        return new ServerConfig(dataDir, http, database, security, credentials, devices, jobs, events, relay, l, paging);
    }
}
