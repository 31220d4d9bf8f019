package io.phonectl.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * Logback's configuration for the command line: nothing is logged (commands print what they mean to), until
 * {@code phonectl serve} turns the service's log on ({@code ServiceLogging}). Registered as a Logback
 * {@link Configurator} service rather than a {@code logback.xml}: Logback then never loads its XML configurator and
 * an XML parser, which was a few hundred milliseconds of every command's start.
 */
public final class QuietLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        context.getStatusManager().add(new NopStatusListener());
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
