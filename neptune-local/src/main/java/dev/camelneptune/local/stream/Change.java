package dev.camelneptune.local.stream;

/**
 * One operation of a transaction before it is committed: {@code ADD} or {@code REMOVE}, and the record's {@code data}
 * object already rendered as JSON (what the stream serves, byte for byte).
 */
record Change(boolean remove, byte[] data) {
}
