package io.phonectl.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.phonectl.server.ServiceLogging;

/**
 * Logback's configuration for the benchmarks: they print their results on standard output, so the service's log goes
 * to standard error, warnings only. A {@link Configurator} service like the command line's, not a {@code logback.xml}:
 * the service's start, which {@code JobBench} measures, then loads no XML configurator, as {@code phonectl serve}.
 */
public final class BenchLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(ServiceLogging.stderr(context, "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
