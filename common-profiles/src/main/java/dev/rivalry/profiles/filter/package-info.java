/**
 * The boolean filters that decide which profile owns a ticket, evaluated on every
 * ticket: immutable, allocation-free, and never throwing on unexpected attribute types.
 */
package dev.rivalry.profiles.filter;
