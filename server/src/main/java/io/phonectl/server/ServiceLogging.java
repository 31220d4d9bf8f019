package io.phonectl.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Turns the service's logging on: INFO and above to standard error, libraries at WARN. The command line is quiet
 * by default (its QuietLogging configurator switches everything off); {@code phonectl serve} calls this first.
 * Nothing the service logs holds a secret: passwords, tokens and credentials never reach a log call.
 */
public final class ServiceLogging {

    private ServiceLogging() {
    }

    /** Reconfigures Logback if it is the SLF4J provider; does nothing otherwise (an embedding program's choice). */
    public static void enable() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ctx.reset();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr(ctx, "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{24} - %msg%n"));
        for (String quiet : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb", "org.jdbi"}) {
            ctx.getLogger(quiet).setLevel(Level.WARN);
        }
    }

    /** A started appender that writes to standard error in this pattern (the service's log, the benchmarks'). */
    public static ConsoleAppender<ILoggingEvent> stderr(LoggerContext ctx, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(pattern);
        encoder.start();
        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(ctx);
        err.setTarget("System.err");
        err.setEncoder(encoder);
        err.start();
        return err;
    }
}
