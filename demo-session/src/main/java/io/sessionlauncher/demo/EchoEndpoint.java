package io.sessionlauncher.demo;

import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;

/** A WebSocket endpoint that sends every text and binary message back unchanged. */
final class EchoEndpoint implements WebSocketConnectionCallback {

  @Override
  public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
    channel.getReceiveSetter().set(new EchoListener());
    channel.resumeReceives();
  }

  // Ping, pong and close are answered by AbstractReceiveListener itself.
  private static final class EchoListener extends AbstractReceiveListener {
    @Override
    protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
      WebSockets.sendText(message.getData(), channel, null);
    }

    @Override
    protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
      try {
        // sendBinary copies the buffers into one before returning, so they can go back now.
        WebSockets.sendBinary(message.getData().getResource(), channel, null);
      } finally {
        message.getData().close();
      }
    }
  }
}
