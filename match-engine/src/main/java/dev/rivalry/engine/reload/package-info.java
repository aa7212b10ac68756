/**
 * Profile file reloads in the engine: the pools of a changed profile take its new version,
 * and an engine started for named profiles ({@code rivalry.engine.profiles}) checks that the
 * file has them.
 */
package dev.rivalry.engine.reload;
