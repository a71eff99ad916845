package dev.cimanager.contracts.triggers;

import java.util.List;

/**
 * One webhook delivery as recorded (never its body).
 *
 * @param result {@code STARTED}, {@code IGNORED} (with {@code reason}), or {@code RECEIVED} while
 *     being handled
 * @param receivedAt RFC 3339 UTC
 */
public record DeliveryResponse(
    String deliveryId,
    String event,
    String result,
    String reason,
    List<String> executionIds,
    String receivedAt) {}
