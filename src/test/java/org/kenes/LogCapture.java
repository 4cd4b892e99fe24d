package org.kenes;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Everything logged while it is open, as text (messages and stack traces), for tests of what must stay out of logs. */
public final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture() {
    appender.start();
    root.addAppender(appender);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** Each event logged so far: its level, logger, message and stack trace. */
  public List<String> lines() {
    return List.copyOf(appender.list).stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " "
        + e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : "\n"
        + ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
  }

  public String text() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
