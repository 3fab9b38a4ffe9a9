package dev.e2ee.platform.test;

/** A reachable Redis for tests. Use database 0 and random key names; never FLUSHDB. */
public record RedisServer(String host, int port, String origin) {}
