/*
 * What a hostile tenant's Dockerfile RUN step tries against the server building it. Every attempt
 * prints one line starting with "HOSTILE " and the program always exits 0, so the build goes on.
 *
 *   hostile breakout   chroot/fchdir/chdir("..") escape, then read $CANARY and list $DATA_DIR
 *   hostile read       read $CANARY and list $DATA_DIR without escaping
 *   hostile connect    TCP connect on each port of $PORTS (comma-separated) to 127.0.0.1 and to the
 *                      default gateway (the host's address on the build's network)
 *   hostile signal     kill($SERVER_PID, 0) and whether /proc/$SERVER_PID exists
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <unistd.h>

static const char *env(const char *name) {
  const char *value = getenv(name);
  return value == NULL ? "" : value;
}

static void read_targets(const char *how) {
  char buffer[256];
  int fd = open(env("CANARY"), O_RDONLY);
  if (fd < 0) {
    printf("HOSTILE %s canary: failed (%s)\n", how, strerror(errno));
  } else {
    ssize_t n = read(fd, buffer, sizeof buffer - 1);
    buffer[n < 0 ? 0 : n] = '\0';
    buffer[strcspn(buffer, "\r\n")] = '\0';
    printf("HOSTILE %s canary: READ %s\n", how, buffer);
    close(fd);
  }
  DIR *dir = opendir(env("DATA_DIR"));
  if (dir == NULL) {
    printf("HOSTILE %s data dir: failed (%s)\n", how, strerror(errno));
  } else {
    int entries = 0;
    while (readdir(dir) != NULL) {
      entries++;
    }
    closedir(dir);
    printf("HOSTILE %s data dir: LISTED %d entries\n", how, entries);
  }
}

static void breakout(void) {
  mkdir("/jail", 0700);
  int outside = open(".", O_RDONLY | O_DIRECTORY);
  if (outside < 0 || chroot("/jail") != 0) {
    printf("HOSTILE breakout chroot: failed (%s)\n", strerror(errno));
  }
  if (outside >= 0 && fchdir(outside) != 0) {
    printf("HOSTILE breakout fchdir: failed (%s)\n", strerror(errno));
  }
  for (int i = 0; i < 256; i++) {
    chdir("..");
  }
  if (chroot(".") != 0) {
    printf("HOSTILE breakout final chroot: failed (%s)\n", strerror(errno));
  }
  read_targets("breakout");
}

/* The default route's gateway (the host's side of the build's network), network byte order, or 0. */
static in_addr_t gateway(void) {
  FILE *routes = fopen("/proc/net/route", "r");
  char line[256];
  unsigned int destination, via;
  in_addr_t found = 0;
  while (routes != NULL && fgets(line, sizeof line, routes) != NULL) {
    if (sscanf(line, "%*s %x %x", &destination, &via) == 2 && destination == 0 && via != 0) {
      found = (in_addr_t) via;
    }
  }
  if (routes != NULL) {
    fclose(routes);
  }
  return found;
}

static void connect_to(in_addr_t host, const char *port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct timeval limit = {3, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
  struct sockaddr_in address = {0};
  address.sin_family = AF_INET;
  address.sin_port = htons((unsigned short) atoi(port));
  address.sin_addr.s_addr = host;
  char name[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &address.sin_addr, name, sizeof name);
  if (connect(fd, (struct sockaddr *) &address, sizeof address) == 0) {
    printf("HOSTILE connect %s:%s: CONNECTED\n", name, port);
  } else {
    printf("HOSTILE connect %s:%s: failed (%s)\n", name, port, strerror(errno));
  }
  close(fd);
}

static void connect_ports(void) {
  char ports[1024];
  in_addr_t host_side = gateway();
  snprintf(ports, sizeof ports, "%s", env("PORTS"));
  for (char *port = strtok(ports, ","); port != NULL; port = strtok(NULL, ",")) {
    connect_to(htonl(INADDR_LOOPBACK), port);
    if (host_side != 0) {
      connect_to(host_side, port);
    }
  }
}

static void signal_server(void) {
  int pid = atoi(env("SERVER_PID"));
  if (kill(pid, 0) == 0) {
    printf("HOSTILE kill -0 %d: SIGNALED\n", pid);
  } else {
    printf("HOSTILE kill -0 %d: failed (%s)\n", pid, strerror(errno));
  }
  char proc[64];
  struct stat info;
  snprintf(proc, sizeof proc, "/proc/%d", pid);
  printf("HOSTILE /proc/%d: %s\n", pid, stat(proc, &info) == 0 ? "VISIBLE" : "failed (not visible)");
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  if (strcmp(mode, "breakout") == 0) {
    breakout();
  } else if (strcmp(mode, "read") == 0) {
    read_targets("read");
  } else if (strcmp(mode, "connect") == 0) {
    connect_ports();
  } else if (strcmp(mode, "signal") == 0) {
    signal_server();
  } else {
    printf("HOSTILE usage: hostile breakout|read|connect|signal\n");
  }
  fflush(stdout);
  return 0;
}
