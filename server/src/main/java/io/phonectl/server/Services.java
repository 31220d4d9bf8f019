package io.phonectl.server;

import io.phonectl.server.audit.AuditLog;
import io.phonectl.server.auth.Auth;
import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.event.Events;
import io.phonectl.server.health.Health;
import io.phonectl.server.job.Jobs;
import io.phonectl.server.metrics.Metrics;
import io.phonectl.server.live.LiveConnections;
import io.phonectl.server.paging.AudioService;
import io.phonectl.server.paging.PageService;
import io.phonectl.server.readiness.ReadinessService;
import io.phonectl.server.relay.AuthRelay;

import io.phonectl.server.replica.Replicas;

import java.nio.file.Path;
import java.time.InstantSource;

/**
 * The service layer of a running server: what the REST resources call, and what the console, the job engine and
 * {@code serve --demo} call directly. All logic lives behind these; none in the HTTP layer.
 */
public record Services(Path dataDir, InstantSource clock, Database database, Metrics metrics, Health health, Auth auth,
                       AuditLog audit, CredentialService credentials, DeviceService devices, GroupService groups,
                       CatalogService catalog, Events events, Jobs jobs,
                       AuthRelay relay, ReadinessService readiness, AudioService audio, PageService pages,
                       LiveConnections live, Replicas replicas) {
}
