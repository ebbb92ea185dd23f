/** jcors for Vert.x Web 5. */
module io.jcors.vertx {
  requires transitive io.jcors;
  requires transitive io.vertx.web;
  requires io.vertx.core;

  exports io.jcors.vertx;
}
