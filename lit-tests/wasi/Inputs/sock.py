#!/usr/bin/env python3
"""sock.py WASM2BIN WASM EXE

Grants two listening sockets on free ports of 127.0.0.1, one at compile
time (wasm2bin --listen) and one at run time (WASM2BIN_GRANTS="--listen
localhost:PORT"), runs EXE, and talks to it as a client on each: sends a
line, prints what comes back until the server closes. Exits with EXE's
status."""
import os
import socket
import subprocess
import sys
import threading
import time

wasm2bin, wasm, exe = sys.argv[1:4]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


p1, p2 = free_port(), free_port()
subprocess.run([wasm2bin, "--listen", "127.0.0.1:%d" % p1, wasm, "-o", exe], check=True)
env = dict(os.environ, WASM2BIN_GRANTS="--listen localhost:%d" % p2)
server = subprocess.Popen([exe], env=env, stdout=subprocess.PIPE, text=True)
results = {}


def client(name, port, message):
    for _ in range(200):
        try:
            c = socket.create_connection(("127.0.0.1", port))
            break
        except OSError:
            time.sleep(0.02)
    else:
        results[name] = "could not connect"
        return
    c.sendall(message)
    data = b""
    while True:
        chunk = c.recv(100)
        if not chunk:
            break
        data += chunk
    c.close()
    results[name] = data.decode()


t1 = threading.Thread(target=client, args=("client1", p1, b"ping"))
t1.start()
t1.join(20)
time.sleep(0.1)
t2 = threading.Thread(target=client, args=("client2", p2, b"hello"))
t2.start()
t2.join(20)
out, _ = server.communicate(timeout=20)
sys.stdout.write(out)
for name in sorted(results):
    print("%s got: %s" % (name, results[name]))
sys.exit(server.returncode)
