package io.phonectl.server;

import io.phonectl.server.api.CucmResource;
import io.phonectl.server.api.JobRoutes;
import io.phonectl.server.api.NotificationResource;
import io.phonectl.server.api.LiveResource;
import io.phonectl.server.api.PagingResource;
import io.phonectl.server.api.ReadinessResource;
import io.phonectl.server.api.RelayResource;
import io.phonectl.server.api.Resources;
import io.phonectl.server.api.ScheduleResource;
import io.phonectl.server.api.TemplateResource;
import io.phonectl.server.audit.AuditLog;
import io.phonectl.server.auth.Auth;
import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.console.Console;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.credential.MasterKey;
import io.phonectl.server.credential.SecretBox;
import io.phonectl.server.cucm.ClusterGates;
import io.phonectl.server.cucm.DiscoveryRuns;
import io.phonectl.server.cucm.SourceService;
import io.phonectl.server.db.Database;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.event.DeviceCallbacks;
import io.phonectl.server.event.Events;
import io.phonectl.server.health.Health;
import io.phonectl.server.http.HttpServer;
import io.phonectl.server.http.RouterHandler;
import io.phonectl.server.http.Router;
import io.phonectl.server.job.Jobs;
import io.phonectl.server.notify.Notifications;
import io.phonectl.server.metrics.Metrics;
import io.phonectl.server.event.ServiceSecrets;
import io.phonectl.server.live.LiveConnections;
import io.phonectl.server.paging.AudioService;
import io.phonectl.server.paging.PageService;
import io.phonectl.server.readiness.ReadinessKind;
import io.phonectl.server.readiness.ReadinessService;
import io.phonectl.server.replica.Replicas;
import io.phonectl.server.relay.AuthRelay;
import io.phonectl.server.relay.OneTimeCredentials;
import io.phonectl.server.relay.RelayHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The control service: {@link #start(ServerConfig)} opens the database (migrating it), creates the first admin on
 * first start, builds the services and the router, and listens. {@link #close()} stops listening (requests in
 * flight get a few seconds) and closes the database.
 */
public final class PhonectlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PhonectlServer.class);

    private final Services services;
    private final HttpServer http;
    private final Router router;
    private final String firstStartPassword;
    private final Notifications notifications;
    private final DiscoveryRuns cucmRuns;

    private PhonectlServer(Services services, HttpServer http, Router router, String firstStartPassword,
                           Notifications notifications, DiscoveryRuns cucmRuns) {
        this.notifications = notifications;
        this.cucmRuns = cucmRuns;
        this.services = services;
        this.http = http;
        this.router = router;
        this.firstStartPassword = firstStartPassword;
    }

    public static PhonectlServer start(ServerConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    /** With a clock, so tests can move time (session expiry, throttling, token expiry) without waiting. */
    public static PhonectlServer start(ServerConfig config, InstantSource clock) throws Exception {
        Path data = dataFolder(config.dataDir());
        // a second core loads what the start needs after the database while this thread opens and migrates it
        StartWarmup.begin();
        Metrics metrics = new Metrics();
        Database db = Database.open(config.database(), metrics.registry());
        if (db.migrationsApplied() > 0) {
            LOG.info("database migrated: {} migrations applied", db.migrationsApplied());
        }
        Replicas replicas = null;
        Events events = null;
        Jobs jobs = null;
        Notifications notifications = null;
        AuthRelay relay = null;
        PageService pages = null;
        LiveConnections live = null;
        DiscoveryRuns cucmRuns = null;
        try {
            Auth auth = new Auth(db, config.security(), clock);
            AuditLog audit = new AuditLog(db, clock);
            Optional<String> oneTime = auth.users().ensureFirstAdmin(config.security().adminPassword());
            if (oneTime.isPresent() || config.security().adminPassword() != null) {
                audit.system("create first admin", "admin");
            }
            MasterKey key = MasterKey.load(config.credentials(), data);
            CredentialService credentials = new CredentialService(db, key, clock);
            DeviceService devices = new DeviceService(db, credentials, config.devices(), clock);
            GroupService groups = new GroupService(db, devices, clock);
            CatalogService catalog = CatalogService.standard();
            replicas = Replicas.start(db, config.jobs().replicas());
            Health health = new Health(db, replicas, clock);
            events = Events.start(db, callbacksAt(config), new SecretBox(key), clock, metrics.registry());
            audit.onEntry(events::audit);
            DeviceCallbacks callbacks = events.callbacks();
            notifications = new Notifications(db, events.service(), events.secret("ack-key"), clock,
                    config.http().publicUri(), Notifications.FEEDBACK_SLOT);
            jobs = Jobs.start(db, config.jobs(), clock, credentials, replicas, devices, groups, events.service(),
                    metrics.registry(), callbacks == null ? null : callbacks::notifyUri, List.of(notifications.kind(),
                    new ReadinessKind(catalog, clock)));
            AudioService audio = new AudioService(db, clock);
            pages = new PageService(db, audio, devices, groups, credentials, clock, config.paging());
            notifications.start(jobs.service(), pages, replicas);
            relay = relay(config, db, key, clock, metrics, jobs);
            ReadinessService readiness = new ReadinessService(db);
            live = new LiveConnections(config.live(), db, devices, credentials, events.service(), clock);
            jobs.engine().useXapiLink(live::transport);
            live.onEvent(notifications.promptAnswers());
            live.start();
            SourceService cucmSources = new SourceService(db, credentials, clock);
            cucmRuns = new DiscoveryRuns(db, cucmSources, credentials, devices, events.service(), replicas, clock,
                    ClusterGates.standard());
            Services services = new Services(data, clock, db, metrics, health, auth, audit, credentials, devices,
                    groups, catalog, events, jobs, relay, readiness, audio, pages, live, replicas);
            Router router = Resources.router(health, metrics, auth, audit, credentials, devices, groups, catalog,
                    config.http().maxImportBytes());
            router.addAll(JobRoutes.of(jobs, events));
            router.addAll(NotificationResource.routes(notifications));
            router.addAll(TemplateResource.routes(notifications.templates()));
            router.addAll(ScheduleResource.routes(notifications.schedules()));
            router.addAll(RelayResource.routes(relay));
            router.addAll(ReadinessResource.routes(readiness));
            router.addAll(PagingResource.routes(audio, pages));
            router.addAll(LiveResource.routes(live));
            router.addAll(CucmResource.routes(cucmSources, cucmRuns));
            router.addAll(Console.routes(auth, audit, credentials, devices, groups, catalog, jobs, events,
                    new Console.Features(notifications, readiness, audio, pages, live, cucmSources, cucmRuns,
                            relay),
                    config.http().maxImportBytes()));
            router.add(Resources.openApi(router, version()));
            RouterHandler handler = new RouterHandler(router, auth, audit, metrics.registry(),
                    config.http().maxBodyBytes(), Console.errors(), () -> db.readScope()::close);
            HttpServer http = HttpServer.start(config.http(), new RelayHandler(relay, handler));
            notifications.baseUri(http.uri());
            LOG.info("phonectl service listening on {} (database {}, data {}, job runner {})", http.uri(),
                    db.dialect(), data, jobs.engine().name());
            return new PhonectlServer(services, http, router, oneTime.orElse(null), notifications, cucmRuns);
        } catch (Exception | Error e) {
            if (cucmRuns != null) {
                cucmRuns.close();
            }
            if (notifications != null) {
                notifications.close();
            }
            if (live != null) {
                live.close();
            }
            if (pages != null) {
                pages.close();
            }
            if (relay != null) {
                relay.close();
            }
            if (jobs != null) {
                jobs.close();
            }
            if (events != null) {
                events.close();
            }
            if (replicas != null) {
                replicas.close();
            }
            db.close();
            metrics.close();
            throw e;
        }
    }

    /**
     * The events section with the phones' callback host taken from the public URI when one is configured and the
     * callback host is not (the callback receiver listens on a port of its own, so only the host carries over).
     */
    private static io.phonectl.server.event.EventsConfig callbacksAt(ServerConfig config) {
        io.phonectl.server.event.EventsConfig e = config.events();
        URI pub = config.http().publicUri();
        if (pub == null || e.callbackHost() != null) {
            return e;
        }
        return e.withCallback(e.callbackBind(), e.callbackPort(), pub.getHost().replaceAll("^\\[|]$", ""));
    }

    /** The relay checks the one-time credentials jobs push with; its key is made once and shared by replicas. */
    private static AuthRelay relay(ServerConfig config, Database db, MasterKey key, InstantSource clock, Metrics metrics,
                                   Jobs jobs) {
        String secret = new ServiceSecrets(db, new SecretBox(key), clock).getOrCreate("auth-relay-key");
        OneTimeCredentials oneTime = new OneTimeCredentials(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                jobs.service()::active, clock);
        jobs.engine().useItemCredentials(oneTime);
        return new AuthRelay(config.relay(), oneTime, clock, metrics.registry());
    }

    private static Path dataFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return dir.toAbsolutePath();
    }

    /** The base URI, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        return http.uri();
    }

    public Services services() {
        return services;
    }

    /** Notifications: the job kind, acknowledgements, receipts, escalations. */
    public Notifications notifications() {
        return notifications;
    }

    /** CUCM discovery runs (the sources are behind the API). */
    public DiscoveryRuns cucmRuns() {
        return cucmRuns;
    }

    public Router router() {
        return router;
    }

    /** The first admin's generated one-time password, on the first start only (print it once). */
    public Optional<String> firstStartPassword() {
        return Optional.ofNullable(firstStartPassword);
    }

    public static String version() {
        String v = PhonectlServer.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public void close() {
        // event streams end first, so that the HTTP server's graceful stop does not wait for their readers
        services.events().service().hub().close();
        try {
            http.close();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server: {}", e.toString());
        }
        // jobs and discovery runs first: they write outcomes and events before the stream and the database go
        cucmRuns.close();
        notifications.close();
        services.live().close();
        services.pages().close();
        services.jobs().close();
        services.relay().close();
        services.events().close();
        services.replicas().close();
        services.database().close();
        services.metrics().close();
        LOG.info("phonectl service stopped");
    }
}
