package com.revolutiontradingpros.api.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A program the tests run beside the JVM (S3Mock, the packaged service), stopped when the test is done. */
public final class ExternalProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ExternalProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ExternalProcess java(Path jar, List<String> args, String name) throws IOException {
        return start(javaCommand(jar, args), Map.of(), name, List.of());
    }

    public static List<String> javaCommand(Path jar, List<String> args) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        return command;
    }

    /** Starts the command with extra environment variables, and without the ones named in {@code unset}. */
    public static ExternalProcess start(List<String> command, Map<String, String> environment, String name,
            List<String> unset) throws IOException {
        Path log = Files.createTempFile(name, ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        return new ExternalProcess(builder.start(), log);
    }

    /** Adobe S3Mock on the port with the bucket {@code rtp-media}, answering before this returns. */
    public static ExternalProcess s3mock(int port, String name) throws IOException, InterruptedException {
        var s3mock = java(Path.of("target/test-tools/s3mock.jar"),
                List.of("--com.adobe.testing.s3mock.httpPort=" + port, "--http.port=" + port, "--server.port=0",
                        "--com.adobe.testing.s3mock.store.initial-buckets=rtp-media",
                        "--com.adobe.testing.s3mock.store.initialBuckets=rtp-media"),
                name);
        s3mock.awaitHttp("http://127.0.0.1:" + port + "/", Duration.ofSeconds(90));
        return s3mock;
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the URL answers any HTTP status. */
    public void awaitHttp(String url, Duration timeout) throws InterruptedException {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited early:\n" + output());
            }
            try {
                client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("no answer from " + url + " within " + timeout + ":\n" + output());
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
