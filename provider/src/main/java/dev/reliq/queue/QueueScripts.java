package dev.reliq.queue;

/** The queue operations, one Lua script each, loaded once per JVM. */
final class QueueScripts {

    static final LuaScript SEND = LuaScript.load("send.lua");
    static final LuaScript RECEIVE = LuaScript.load("receive.lua");
    static final LuaScript CLAIM = LuaScript.load("claim.lua");
    static final LuaScript ACK = LuaScript.load("ack.lua");
    static final LuaScript EXTEND = LuaScript.load("extend.lua");
    static final LuaScript RELEASE = LuaScript.load("release.lua");
    static final LuaScript DEAD_LETTER = LuaScript.load("dead_letter.lua");
    static final LuaScript BROWSE = LuaScript.load("browse.lua");
    static final LuaScript STATS = LuaScript.load("stats.lua");
    static final LuaScript PURGE = LuaScript.load("purge.lua");
    static final LuaScript REDRIVE = LuaScript.load("redrive.lua");
    static final LuaScript SWEEP = LuaScript.load("sweep.lua");
    static final LuaScript LEASE = LuaScript.load("lease.lua");
    static final LuaScript TAKE_RECORD = LuaScript.load("take_record.lua");
    static final LuaScript PUBLISH = LuaScript.load("publish.lua");
    static final LuaScript SUBSCRIPTION = LuaScript.load("subscription.lua");

    private QueueScripts() {
    }
}
