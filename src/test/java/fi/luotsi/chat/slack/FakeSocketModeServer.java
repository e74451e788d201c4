package fi.luotsi.chat.slack;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local stand-in for Slack's Socket Mode endpoint: greets each connection with {@code hello},
 * lets the test push envelopes, and records what the bot sends back (acknowledgements).
 */
final class FakeSocketModeServer extends WebSocketServer {
  final List<WebSocket> opened = new CopyOnWriteArrayList<>();
  final List<String> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);

  FakeSocketModeServer() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
  }

  void startAndWait() throws InterruptedException {
    start();
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("fake Socket Mode server did not start");
    }
  }

  String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=test";
  }

  /** Sends to the newest connection. */
  void push(String envelope) {
    opened.get(opened.size() - 1).send(envelope);
  }

  /** Drops the newest connection without a closing handshake, as a network failure would. */
  void drop() {
    opened.get(opened.size() - 1).closeConnection(1006, "connection lost");
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    opened.add(conn);
    conn.send(
        "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
            + "\"connection_info\":{\"app_id\":\"A1\"}}");
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onMessage(WebSocket conn, String message) {
    received.add(message);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {
    started.countDown();
  }
}
