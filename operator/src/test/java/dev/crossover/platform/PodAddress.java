package dev.crossover.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pod's address on loopback: listens on {@code 127.0.0.N:port} and relays every connection, byte
 * for byte, to a simulator on {@code 127.0.0.1:target}. The simulator binds all interfaces on one
 * port, so several of them cannot each own {@code <their IP>:<the pool's target port>} the way pods
 * do; this relay plays the pod network's part, so the picker scrapes and Envoy connects to
 * distinct pod IPs on one target port, as in a cluster. Closed with the test, connections included.
 */
final class PodAddress implements AutoCloseable {
  final String ip;
  final int port;
  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private PodAddress(String ip, int port, ServerSocket server) {
    this.ip = ip;
    this.port = port;
    this.server = server;
  }

  String endpoint() {
    return ip + ":" + port;
  }

  /** Relays ip:port to 127.0.0.1:target; throws if ip:port is taken. */
  static PodAddress relay(String ip, int port, int target) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getByName(ip), port), 64);
    PodAddress pod = new PodAddress(ip, port, server);
    Thread.ofVirtual().name("pod-" + ip).start(() -> pod.acceptLoop(target));
    return pod;
  }

  /** True if nothing listens on ip:port now (a port usable for every pod address of a test). */
  static boolean free(String ip, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(ip), port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private void acceptLoop(int target) {
    while (!server.isClosed()) {
      Socket in;
      try {
        in = server.accept();
      } catch (IOException closed) {
        continue; // the loop ends once the server socket is closed
      }
      try {
        Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(in);
        open.add(out);
        Thread.ofVirtual().start(() -> pipe(in, out));
        Thread.ofVirtual().start(() -> pipe(out, in));
      } catch (IOException refused) {
        closeQuietly(in); // the simulator is gone: the client sees the connection close
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
      i.transferTo(o);
    } catch (IOException endOfConnection) {
      // either side closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    open.forEach(PodAddress::closeQuietly);
  }
}
