package io.ispflow.messaging.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server on loopback that greets and takes the sender as any server does, then answers every
 * recipient with the reply it is given ({@code 451 4.3.0 Try again later}, {@code 550 5.1.1 Mailbox
 * unavailable}...), as GreenMail cannot. One connection at a time; closed with the test.
 */
final class RefusingSmtpPeer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread serving;
    private volatile String recipientReply;

    RefusingSmtpPeer(String recipientReply) {
        this.recipientReply = recipientReply;
        try {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        serving = new Thread(this::serve, "refusing-smtp-peer");
        serving.setDaemon(true);
        serving.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void answerRecipientsWith(String reply) {
        this.recipientReply = reply;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(10_000);
                converse(client);
            } catch (IOException closedOrDropped) {
                // the next connection, or the end of the test
            }
        }
    }

    private void converse(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 refusing.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 refusing.test");
                case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                case "RCPT" -> reply(out, recipientReply);
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.1 Not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            serving.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
