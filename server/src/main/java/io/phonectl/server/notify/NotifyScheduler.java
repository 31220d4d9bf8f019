package io.phonectl.server.notify;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Task;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Dialect;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The db-scheduler of notifications' follow-ups (escalation checks, schedules), on the same {@code scheduled_tasks}
 * table as the job engine's, with its own task names: each task instance runs exactly once cluster-wide (db-scheduler
 * picks it with an optimistic lock), and survives restarts. Its own scheduler rather than the engine's, so the job
 * engine stays as it is; each scheduler leaves the other's task names alone.
 */
final class NotifyScheduler {

    static final Duration POLL = Duration.ofSeconds(1);

    private NotifyScheduler() {
    }

    static Scheduler start(Database db, List<Task<?>> tasks) {
        Scheduler s = Scheduler.create(db.dataSource(), tasks)
                .schedulerName(new SchedulerName.Fixed("phonectl-notify-" + ProcessHandle.current().pid() + "-"
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())))
                .threads(2).pollingInterval(POLL).heartbeatInterval(Duration.ofSeconds(2)).missedHeartbeatsLimit(4)
                .enableImmediateExecution().shutdownMaxWait(Duration.ofSeconds(2))
                .jdbcCustomization(db.dialect() == Dialect.POSTGRESQL ? new PostgreSqlJdbcCustomization(false, false)
                        : new DefaultJdbcCustomization(false))
                .build();
        s.start();
        return s;
    }
}
