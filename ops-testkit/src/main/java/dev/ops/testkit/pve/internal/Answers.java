package dev.ops.testkit.pve.internal;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** What kind of answer a MockWebServer response is: a plain one, or one of the faults the fake can play. */
final class Answers {
    private Answers() {}

    /** An answer sent whole: no stall, no disconnect part-way (closing the connection after it is still plain). */
    static boolean plain(MockResponse response) {
        return response.getOnRequestStart() == null && response.getOnResponseStart() == null && response.getOnResponseBody() == null;
    }

    /** An answer that never comes: the connection stays open and silent. */
    static boolean hangs(MockResponse response) {
        return response.getOnResponseStart() instanceof SocketEffect.Stall;
    }
}
