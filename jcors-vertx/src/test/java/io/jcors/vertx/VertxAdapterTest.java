package io.jcors.vertx;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;

/**
 * The adapter test kit's contract on a Vert.x Web router, two event loops: the handler mounted
 * before the application's routes, which answer errors the Vert.x way ({@code ctx.fail(404)}, an
 * exception that the router turns into a 500).
 */
class VertxAdapterTest extends AdapterContract {
  @Override
  protected Server start(CorsPolicy policy) throws Exception {
    return VertxServer.start(
        router -> {
          CorsHandler.of(policy).mountOn(router);
          router.route("/four-oh-four").handler(ctx -> ctx.fail(404));
          router
              .route("/five-hundred")
              .handler(
                  ctx -> {
                    throw new IllegalStateException("the application failed");
                  });
          router
              .route()
              .handler(
                  ctx -> {
                    String path = ctx.request().path();
                    if (path.equals("/vary")) {
                      ctx.response().putHeader("Vary", "Accept-Encoding");
                    }
                    ctx.response()
                        .putHeader("Content-Type", "text/plain")
                        .end(ctx.request().method().name() + " " + path);
                  });
        });
  }
}
