package dev.reliq.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SourceChoiceTest {

    private static final Optional<String> URL = Optional.of("redis://redis.example:6380");

    @Test
    void redisUrlWinsOverEveryOtherTier() {
        assertThat(SourceChoice.anyServer(machine(null, URL, true, true))).isEqualTo(RedisSource.URL);
    }

    @Test
    void dockerComesBeforeThePathBinary() {
        assertThat(SourceChoice.anyServer(machine(null, Optional.empty(), true, true))).isEqualTo(RedisSource.DOCKER);
    }

    @Test
    void pathBinaryComesBeforeTheEmbeddedOne() {
        assertThat(SourceChoice.anyServer(machine(null, Optional.empty(), false, true))).isEqualTo(RedisSource.PATH);
    }

    @Test
    void embeddedBinaryIsTheLastResort() {
        assertThat(SourceChoice.anyServer(machine(null, Optional.empty(), false, false)))
                .isEqualTo(RedisSource.EMBEDDED);
    }

    @Test
    void dockerIsNotAskedWhenRedisUrlIsSet() {
        SourceChoice.Machine machine = new SourceChoice.Machine(Optional.empty(), URL, () -> {
            throw new AssertionError("Docker was asked");
        }, true, true);
        assertThat(SourceChoice.anyServer(machine)).isEqualTo(RedisSource.URL);
    }

    @Test
    void forcedTierIsUsedEvenWhenAnEarlierOneIsAvailable() {
        assertThat(SourceChoice.anyServer(machine(RedisSource.EMBEDDED, URL, true, true)))
                .isEqualTo(RedisSource.EMBEDDED);
    }

    @Test
    void forcedTierThatIsUnavailableFailsInsteadOfFallingBack() {
        assertThatThrownBy(() -> SourceChoice.anyServer(machine(RedisSource.DOCKER, Optional.empty(), false, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dreliq.test.redis=docker")
                .hasMessageContaining("no Docker engine answers");
        assertThatThrownBy(() -> SourceChoice.anyServer(machine(RedisSource.URL, Optional.empty(), true, true)))
                .hasMessageContaining("REDIS_URL");
        assertThatThrownBy(() -> SourceChoice.anyServer(machine(RedisSource.PATH, Optional.empty(), true, false)))
                .hasMessageContaining("no redis-server on the PATH");
    }

    @Test
    void launchedProcessesIgnoreRedisUrlAndDocker() {
        assertThat(SourceChoice.launchedProcess(machine(null, URL, true, true), "persistent()"))
                .isEqualTo(RedisSource.PATH);
        assertThat(SourceChoice.launchedProcess(machine(null, URL, true, false), "persistent()"))
                .isEqualTo(RedisSource.EMBEDDED);
    }

    @Test
    void launchedProcessesRefuseAForcedUrlOrDockerTier() {
        assertThatThrownBy(() -> SourceChoice.launchedProcess(machine(RedisSource.URL, URL, true, true), "cluster()"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cluster() launches its own redis-server processes");
        assertThatThrownBy(() -> SourceChoice.launchedProcess(machine(RedisSource.DOCKER, URL, true, true),
                "persistent()"))
                .hasMessageContaining("-Dreliq.test.redis=docker");
    }

    @Test
    void unknownTierNamesTheAcceptedValues() {
        assertThatThrownBy(() -> RedisSource.parse("podman"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url, docker, path, embedded");
        assertThat(RedisSource.parse(" Embedded ")).isEqualTo(RedisSource.EMBEDDED);
    }

    private static SourceChoice.Machine machine(RedisSource forced, Optional<String> url, boolean docker,
                                                boolean path) {
        return new SourceChoice.Machine(Optional.ofNullable(forced), url, () -> docker, path, true);
    }
}
