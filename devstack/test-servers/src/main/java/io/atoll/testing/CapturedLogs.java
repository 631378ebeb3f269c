package io.atoll.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What one logger logs while a test runs, each event also as the JSON line the service's log would hold. */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper()
            // A key written twice (a field and the same one from the logging context) is not one JSON object.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Logger logger;
    private final Level previousLevel;
    private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
    private final LogstashEncoder encoder = new LogstashEncoder();

    private CapturedLogs(Logger logger, Level level) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        setContext(logger.getLoggerContext());
        encoder.setContext(logger.getLoggerContext());
        encoder.start();
        start();
        logger.setLevel(level);
        logger.addAppender(this);
    }

    /** Captures the events of this logger (and those below it) at this level and above. */
    public static CapturedLogs of(String loggerName, Level level) {
        return new CapturedLogs((Logger) LoggerFactory.getLogger(loggerName), level);
    }

    @Override
    protected void append(ILoggingEvent event) {
        events.add(event);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** The event as the service's JSON encoder writes it, parsed. */
    public Map<String, Object> json(ILoggingEvent event) {
        try {
            return JSON.readValue(encoder.encode(event), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Map<String, Object>> jsonLines() {
        return events().stream().map(this::json).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(previousLevel);
        stop();
    }
}
