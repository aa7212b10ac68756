package dev.rivalry.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Redis errors are an outage (503 store-unavailable) and which are not. */
class StoreOutagesTests {

	@Test
	void connectionFailuresTimeoutsAndLettucesConnectionErrorsAreOutages() {
		assertThat(StoreOutages.isOutage(new RedisConnectionFailureException("refused"))).isTrue();
		assertThat(StoreOutages.isOutage(new QueryTimeoutException("slow", new RedisCommandTimeoutException()))).isTrue();
		assertThat(StoreOutages.isOutage(new RedisSystemException("x",
				new RedisException("Currently not connected. Commands are rejected.")))).isTrue();
		assertThat(StoreOutages.isOutage(new RedisSystemException("x", new RedisException("Connection disconnected"))))
			.isTrue();
		assertThat(StoreOutages.isOutage(new RedisSystemException("x", new RedisConnectionException("reset")))).isTrue();
		assertThat(StoreOutages.isOutage(new RedisSystemException("x", new RedisLoadingException("LOADING")))).isTrue();
	}

	@Test
	void anErrorRedisAnsweredIsNoOutage() {
		assertThat(StoreOutages.isOutage(new RedisSystemException("x",
				new RedisCommandExecutionException("ERR user_script:1: attempt to compare nil")))).isFalse();
	}

}
