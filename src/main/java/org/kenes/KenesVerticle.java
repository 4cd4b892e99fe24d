package org.kenes;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import org.kenes.config.AdminToken;
import org.kenes.config.KenesConfig;
import org.kenes.services.Services;
import org.kenes.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Only wires: configuration → store → facilitator token → indexes → study files → HTTP server, and the periodic
 * {@link Chores} (deadlines, mail, retention periods, expired sessions).
 */
public final class KenesVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(KenesVerticle.class);

  private static final long RETRY_SECONDS = 3;

  private final KenesConfig config;
  private final Clock clock;
  private Store store;
  private Services services;
  private HttpServer server;
  private long chores = -1;

  public KenesVerticle(KenesConfig config) {
    this(config, Clock.systemUTC());
  }

  /** @param clock what retention periods are measured by: the system's, or a test's own */
  public KenesVerticle(KenesConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    return Store.open(vertx, config)
        .compose(opened -> {
          store = opened;
          return vertx.executeBlocking(() -> AdminToken.resolve(config));
        })
        .compose(token -> {
          services = Services.create(vertx, config, store, token, clock);
          services.tallies().start(vertx);
          // A second instance on this store says so before it takes a save: the store's owner then fences its closes.
          return services.peers().start(vertx).recover(e -> Future.succeededFuture())
              .compose(v -> prepareStore());
        })
        .compose(v -> WebServer.start(vertx, services))
        .onSuccess(s -> {
          server = s;
          Chores work = new Chores(services);
          chores = vertx.setPeriodic(Chores.PERIOD_MS, id -> work.run());
          LOG.info("Kenes is listening on port {}", s.actualPort());
        });
  }

  /**
   * Indexes and study files. A store that is down does not keep the server from starting (it answers 503 meanwhile):
   * this is tried again every few seconds until the store answers.
   */
  private Future<Void> prepareStore() {
    return services.createIndexes()
        .compose(v -> services.studies().loadFolder(config.surveysDir()))
        .recover(e -> {
          if (!Store.isUnavailable(e)) {
            return Future.failedFuture(e);
          }
          LOG.warn("The store does not answer; the server starts anyway and tries again in {} s", RETRY_SECONDS);
          vertx.setTimer(RETRY_SECONDS * 1000, t -> prepareStore()
              .onSuccess(v -> LOG.info("The store answers again: indexes and study files are in place")));
          return Future.succeededFuture();
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(chores);
    // In-flight requests finish (graceful shutdown), the live tallies are written, then mail stops and the store
    // commits and closes.
    Future<Void> closed = server == null ? Future.succeededFuture() : server.shutdown();
    return closed.compose(v -> services == null ? Future.succeededFuture() : Future.all(services.tallies().stop(vertx),
            services.peers().stop(vertx)).<Void>mapEmpty().recover(e -> Future.succeededFuture())
        .compose(w -> services.mail().mailer().close()))
        .compose(v -> store == null ? Future.succeededFuture() : store.close(vertx))
        .onSuccess(v -> LOG.info("Kenes stopped: requests drained, store committed"));
  }

  /** The port the server listens on (the chosen one when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  public Services services() {
    return services;
  }
}
