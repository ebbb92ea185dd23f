package io.jcors.check;

/** Sends one request and returns the response without following redirects. */
interface Transport {
  ReceivedResponse send(SentRequest request) throws CheckException;
}
