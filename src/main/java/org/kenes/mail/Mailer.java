package org.kenes.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kenes.config.KenesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's queued messages through SMTP (vertx-mail-client: asynchronous, nothing blocks), one message at
 * a time, each claimed in the store first so that several instances never send the same one. Without
 * {@code KENES_SMTP_HOST} there is no mailer and messages stay {@code unsent}.
 */
public final class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
  private static final int BATCH = 50;

  private final MailClient client;
  private final String from;
  private final OutboxRepository outbox;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  private Mailer(MailClient client, String from, OutboxRepository outbox) {
    this.client = client;
    this.from = from;
    this.outbox = outbox;
  }

  static Mailer create(Vertx vertx, KenesConfig config, OutboxRepository outbox) {
    if (config.smtpHost() == null) {
      return new Mailer(null, config.smtpFrom(), outbox);
    }
    // Required, a server that does not offer STARTTLS gets nothing: the message waits, failed, with the reason.
    MailConfig mail = new MailConfig().setHostname(config.smtpHost()).setPort(config.smtpPort())
        .setStarttls(config.smtpTlsRequired() ? StartTLSOptions.REQUIRED : StartTLSOptions.OPTIONAL)
        .setKeepAlive(true).setMaxPoolSize(2);
    return new Mailer(MailClient.createShared(vertx, mail, "kenes-smtp"), config.smtpFrom(), outbox);
  }

  public boolean configured() {
    return client != null;
  }

  /** Sends whatever is queued; a call while sending makes the running pass look once more when it ends. */
  public Future<Void> deliver() {
    if (client == null) {
      return Future.succeededFuture();
    }
    if (!running.compareAndSet(false, true)) {
      again.set(true);
      return Future.succeededFuture();
    }
    again.set(false);
    return pass()
        .onFailure(e -> LOG.warn("Sending mail: {}", e.getMessage()))
        .eventually(() -> {
          running.set(false);
          return again.get() ? deliver() : Future.succeededFuture();
        });
  }

  private Future<Void> pass() {
    return outbox.due(BATCH).compose(due -> {
      Future<Void> chain = Future.succeededFuture();
      for (Message m : due) {
        chain = chain.compose(v -> outbox.claim(m).compose(mine -> mine ? send(m) : Future.succeededFuture()));
      }
      return chain.compose(v -> due.size() == BATCH ? pass() : Future.succeededFuture());
    });
  }

  private Future<Void> send(Message m) {
    MailMessage mail = new MailMessage().setFrom(from).setTo(List.of(m.to())).setSubject(m.subject()).setText(m.body());
    mail.setHeaders(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("Content-Language", m.language()));
    return client.sendMail(mail)
        .compose(r -> outbox.sent(m.id()),
            e -> {
              LOG.warn("Message {} not sent: {}", m.id(), e.getMessage());
              return outbox.failed(m.id(), String.valueOf(e.getMessage()));
            });
  }

  public Future<Void> close() {
    return client == null ? Future.succeededFuture() : client.close();
  }
}
