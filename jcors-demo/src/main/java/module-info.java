/**
 * The jcors demo: an API written with jcors on one origin and a page on another, whose buttons make
 * cross-origin requests and show what the browser decided and why.
 */
module io.jcors.demo {
  requires transitive io.jcors.jdk;
  requires io.jcors.check;

  exports io.jcors.demo;
}
