package org.kenes;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import org.kenes.config.AdminToken;
import org.kenes.config.KenesConfig;
import org.kenes.store.Store;
import org.kenes.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Only wires: configuration → store → facilitator token → indexes → study files → HTTP server, and the periodic
 * {@link Chores} (deadlines, mail, expired sessions).
 */
public final class KenesVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(KenesVerticle.class);

  private final KenesConfig config;
  private Store store;
  private Services services;
  private HttpServer server;
  private long chores = -1;

  public KenesVerticle(KenesConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    return Store.open(vertx, config)
        .compose(opened -> {
          store = opened;
          return vertx.executeBlocking(() -> AdminToken.resolve(config));
        })
        .compose(token -> {
          services = Services.create(vertx, config, store, token);
          return services.createIndexes();
        })
        .compose(v -> services.studies().loadFolder(config.surveysDir()))
        .compose(v -> WebServer.start(vertx, services))
        .onSuccess(s -> {
          server = s;
          Chores work = new Chores(services);
          chores = vertx.setPeriodic(Chores.PERIOD_MS, id -> work.run());
          LOG.info("Kenes is listening on port {}", s.actualPort());
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(chores);
    Future<Void> closed = server == null ? Future.succeededFuture() : server.shutdown();
    return closed.compose(v -> services == null ? Future.succeededFuture() : services.mail().mailer().close())
        .compose(v -> store == null ? Future.succeededFuture() : store.close(vertx));
  }

  /** The port the server listens on (the chosen one when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  public Services services() {
    return services;
  }
}
