package dev.rivalry.standalone;

/** The whole loop ({@link FullLoop}) on the test Redis. */
class FullLoopEndToEndTests extends FullLoop {

	@Override
	Services newServices() {
		return new Services("e2e-full-loop");
	}

}
