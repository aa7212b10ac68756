/**
 * The explicit development switch every service shares.
 */
package dev.rivalry.web.development;
