/**
 * BlockHound in every test JVM that has test-support: installed by a JUnit listener, with
 * Rivalry's few allowed blocking calls and a check that it is on.
 */
package dev.rivalry.testsupport.blocking;
