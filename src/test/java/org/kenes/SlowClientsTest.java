package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send slowly, or never finish, hold nothing for long; a body is read only once the request has shown
 * it may send one, and an upload touches the disk only after that.
 */
class SlowClientsTest {

  /** Longer than any deadline of the server: a connection still open then is held for good. */
  private static final int PATIENCE_MS = 45_000;

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static String token;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
    kenes.createSmallStudy();
    token = DelphiLoopTest.token(kenes.addParticipants("small", "policy"), 0);
    kenes.adminPost("/api/studies/small/rounds");
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", kenes.port());
    socket.setSoTimeout(PATIENCE_MS);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** What the server sends until it closes the connection, or null if it is still open after the patience. */
  private static String untilClosed(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder got = new StringBuilder();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        got.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
      return got.toString();
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException reset) {
      return got.toString();
    }
  }

  /** A request head, then bytes of its body trickled one a second until the server closes the connection. */
  private static CompletableFuture<String> trickle(String head, boolean trickleHead) {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket socket = connect()) {
        send(socket, head);
        CompletableFuture<String> closed = CompletableFuture.supplyAsync(() -> {
          try {
            return untilClosed(socket);
          } catch (IOException e) {
            return "";
          }
        });
        long until = System.currentTimeMillis() + PATIENCE_MS;
        while (!closed.isDone() && System.currentTimeMillis() < until) {
          Thread.sleep(1000);
          try {
            send(socket, trickleHead ? "X-Slow: 1\r\n" : "a");
          } catch (IOException gone) {
            break;
          }
        }
        return closed.get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  @DisplayName("a request head trickled a line a second, or a body a byte a second, is cut off, not held for good")
  void tricklingClientsAreCutOff() throws Exception {
    CompletableFuture<String> head = trickle("GET /health HTTP/1.1\r\nHost: kenes\r\n", true);
    CompletableFuture<String> body = trickle("PUT /api/p/" + token + "/answers HTTP/1.1\r\nHost: kenes\r\n"
        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"answers\": {", false);
    assertTrue(head.get() != null, "the trickled head was cut off");
    String answer = body.get();
    assertTrue(answer != null, "the trickled body was cut off");
    assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
  }

  @Test
  @DisplayName("an upload without a session is refused before its body is read, and nothing of it reaches the disk")
  void unauthenticatedUploadRefusedUnread() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "POST /console/studies HTTP/1.1\r\nHost: kenes\r\nContent-Length: 1000000\r\n"
          + "Content-Type: multipart/form-data; boundary=zz\r\n\r\n--zz\r\nContent-Disposition: form-data; "
          + "name=\"file\"; filename=\"study.yaml\"\r\nContent-Type: application/yaml\r\n\r\n"
          + "id: x\n".repeat(1000));
      String answer = untilClosed(socket);
      assertTrue(answer != null && answer.startsWith("HTTP/1.1 401"), "refused at once, without the body: " + answer);
    }
    assertFalse(Files.exists(dir.resolve("data").resolve("uploads")), "no upload was written");
    try (Socket socket = connect()) {
      send(socket, "PUT /api/p/not-a-known-link/answers HTTP/1.1\r\nHost: kenes\r\nContent-Length: 1000000\r\n"
          + "Content-Type: application/json\r\n\r\n{\"answers\": {");
      String answer = untilClosed(socket);
      assertTrue(answer != null && answer.startsWith("HTTP/1.1 404"), "an unknown link is refused unread: " + answer);
    }
    ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
    assertEquals(200, admin.get("/console").statusCode(), "a signed-in facilitator is still served");
  }
}
