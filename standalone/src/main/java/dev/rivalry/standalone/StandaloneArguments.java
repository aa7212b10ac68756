package dev.rivalry.standalone;

import java.util.Arrays;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Reads the standalone settings from {@code --name=value} arguments (short names such as
 * {@code --demo=false} or full ones such as {@code --rivalry.standalone.demo=false}),
 * environment variables and system properties, validated; a bad value stops the start
 * with a message that names it.
 */
final class StandaloneArguments {

	private StandaloneArguments() {
	}

	static StandaloneSettings bind(String[] args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(qualified(args)));
		ConfigurationPropertySources.attach(environment);
		try (ValidatorFactory validators = Validation.buildDefaultValidatorFactory()) {
			BindResult<StandaloneSettings> result = Binder.get(environment)
				.bind(StandaloneSettings.PREFIX, Bindable.of(StandaloneSettings.class),
						new ValidationBindHandler(new SpringValidatorAdapter(validators.getValidator())));
			return result.orElseGet(() -> Binder.get(environment)
				.bindOrCreate(StandaloneSettings.PREFIX, StandaloneSettings.class));
		}
	}

	/** The arguments meant for the services: everything that is not a standalone setting. */
	static String[] forServices(String[] args) {
		return Arrays.stream(args).filter((arg) -> !isStandalone(arg)).toArray(String[]::new);
	}

	private static String[] qualified(String[] args) {
		return Arrays.stream(args)
			.map((arg) -> isShort(arg) ? "--" + StandaloneSettings.PREFIX + "." + arg.substring(2) : arg)
			.toArray(String[]::new);
	}

	private static boolean isStandalone(String arg) {
		return isShort(arg) || arg.startsWith("--" + StandaloneSettings.PREFIX + ".");
	}

	/** {@code --demo=false}: a name without dots is a standalone setting. */
	private static boolean isShort(String arg) {
		if (!arg.startsWith("--")) {
			return false;
		}
		String name = arg.substring(2).split("=", 2)[0];
		return !name.isEmpty() && !name.contains(".");
	}

}
