package io.ipcbench.results;

/** Socket buffer sizes the kernel granted (SO_SNDBUF, SO_RCVBUF read back), in bytes; -1 where not a socket. */
public record SocketBuffers(int sendBytes, int receiveBytes) {
}
