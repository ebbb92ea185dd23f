package io.jcors.check;

/** Sends one request and returns the response as it arrived, without following redirects. */
interface Transport {
  /**
   * Sends {@code request} and reads its response to the end of the body.
   *
   * @throws CheckException of kind {@link CheckException.Kind#TIMEOUT} when {@code deadline} passes
   *     first (made with {@link Deadline#passed(String)}), or {@link
   *     CheckException.Kind#UNREACHABLE} when there is no HTTP response
   */
  RawResponse send(SentRequest request, Deadline deadline) throws CheckException;
}
