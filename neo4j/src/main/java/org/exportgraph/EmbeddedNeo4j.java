package org.exportgraph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts an embedded Neo4j with only the Bolt connector, prints one ready line
 * and keeps running until SIGTERM/SIGINT, or until its standard input closes (the
 * parent process is gone, even if it was killed hard), then shuts the database down cleanly.
 *
 * Usage: EmbeddedNeo4j <dataDir> <boltHost> <boltPort> [pageCacheMiB] [txMemoryMiB]
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: EmbeddedNeo4j <dataDir> <boltHost> <boltPort> [pageCacheMiB] [txMemoryMiB]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        long pageCacheMiB = args.length > 3 ? Long.parseLong(args[3]) : 512;
        long txMemoryMiB = args.length > 4 ? Long.parseLong(args[4]) : 512;

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                // Local development and tests only: the server listens on loopback by default.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(txMemoryMiB))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // Bolt waits 5 s twice by default on shutdown; a local server has no clients worth that.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        // The JVM runs shutdown hooks on SIGTERM and SIGINT; closing the DBMS there flushes the store.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // Input carries nothing; only its end matters.
                }
            } catch (java.io.IOException ignored) {
                // A broken pipe means the parent is gone too.
            }
            System.exit(0);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        // The Node side waits for Bolt itself; this line is for people reading the log.
        System.out.println("NEO4J_READY bolt://" + host + ":" + port + " data=" + dataDir);
        System.out.flush();
        stopped.await();
    }
}
