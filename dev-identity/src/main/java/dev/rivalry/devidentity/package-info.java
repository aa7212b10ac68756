/**
 * The development identity provider: {@link dev.rivalry.devidentity.IdentityTokens} signs
 * player and back-end tokens; {@link dev.rivalry.devidentity.DevIdentityApplication} serves
 * them over HTTP in development setups only.
 */
package dev.rivalry.devidentity;
