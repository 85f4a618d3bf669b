// Command testbox is the one small image the e2e tests run: a static binary with a few
// subcommands, so a test can serve HTTP, fetch a URL, resolve a name, or talk to the API server
// with the pod's ServiceAccount token, without a shell or a base image.
//
//	testbox serve [port]       HTTP server: "/" answers "hello from <hostname>"
//	testbox get URL            GET URL, print the body (non-2xx or error: exit 1)
//	testbox post URL JSON      POST JSON to URL, print the body (non-2xx or error: exit 1)
//	testbox lookup NAME        resolve NAME with the pod's resolv.conf, print the addresses
//
// get, post and lookup retry for up to $TESTBOX_RETRY_SECONDS (default 20): a Service's rules and DNS
// records appear a moment after the Service, as on any cluster.
//
//	testbox whoami             POST a SelfSubjectReview to the API server through the
//	                           kubernetes Service, authenticated with the ServiceAccount token
//	testbox echo WORDS...      print WORDS
//	testbox sleep SECONDS      sleep (0: forever)
//	testbox exit CODE          exit with CODE
package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const saDir = "/var/run/secrets/kubernetes.io/serviceaccount"

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	args := os.Args[2:]
	var err error
	switch os.Args[1] {
	case "serve":
		port := "8080"
		if len(args) > 0 {
			port = args[0]
		}
		err = serve(port)
	case "get":
		need(args, 1)
		err = retry(func() error { return get(args[0]) })
	case "post":
		need(args, 2)
		err = retry(func() error { return post(args[0], args[1]) })
	case "lookup":
		need(args, 1)
		err = retry(func() error { return lookup(args[0]) })
	case "whoami":
		err = whoami()
	case "echo":
		fmt.Println(strings.Join(args, " "))
	case "sleep":
		need(args, 1)
		sleepFor(args[0])
	case "exit":
		need(args, 1)
		code, _ := strconv.Atoi(args[0])
		os.Exit(code)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "testbox:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: testbox serve [port] | get URL | post URL JSON | lookup NAME | whoami | echo WORDS... | sleep SECONDS | exit CODE")
	os.Exit(2)
}

func need(args []string, n int) {
	if len(args) < n {
		usage()
	}
}

func retry(f func() error) error {
	secs := 20
	if v, err := strconv.Atoi(os.Getenv("TESTBOX_RETRY_SECONDS")); err == nil {
		secs = v
	}
	deadline := time.Now().Add(time.Duration(secs) * time.Second)
	for {
		err := f()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		fmt.Fprintln(os.Stderr, "testbox: retrying:", err)
		time.Sleep(time.Second)
	}
}

func sleepFor(s string) {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	secs, _ := strconv.Atoi(s)
	if secs <= 0 {
		<-stop
		return
	}
	select {
	case <-stop:
	case <-time.After(time.Duration(secs) * time.Second):
	}
}

func serve(port string) error {
	host, _ := os.Hostname()
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello from %s\n", host)
	})
	srv := &http.Server{Addr: ":" + port, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-stop
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()
	fmt.Printf("testbox: serving on :%s as %s\n", port, host)
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		return err
	}
	return nil
}

func get(url string) error {
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	os.Stdout.Write(body)
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}

// post sends body as JSON; with BEARER_TOKEN set (e.g. from a gateway's key Secret) it
// authenticates with it.
func post(url, body string) error {
	c := &http.Client{Timeout: 30 * time.Second}
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if token := os.Getenv("BEARER_TOKEN"); token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	os.Stdout.Write(out)
	fmt.Println()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("POST %s: %s", url, resp.Status)
	}
	return nil
}

func lookup(name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupHost(ctx, name)
	if err != nil {
		return err
	}
	fmt.Printf("%s %s\n", name, strings.Join(addrs, " "))
	return nil
}

// whoami reaches the API server the way an in-cluster client does: the kubernetes Service's
// ClusterIP from the injected environment, the cluster CA and the projected token.
func whoami() error {
	host, port := os.Getenv("KUBERNETES_SERVICE_HOST"), os.Getenv("KUBERNETES_SERVICE_PORT")
	if host == "" || port == "" {
		return fmt.Errorf("KUBERNETES_SERVICE_HOST/PORT not set")
	}
	token, err := os.ReadFile(saDir + "/token")
	if err != nil {
		return err
	}
	caPEM, err := os.ReadFile(saDir + "/ca.crt")
	if err != nil {
		return err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		return fmt.Errorf("no certificate in %s/ca.crt", saDir)
	}
	c := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: "kubernetes.default.svc"},
	}}
	url := "https://" + net.JoinHostPort(host, port) + "/apis/authentication.k8s.io/v1/selfsubjectreviews"
	body := `{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}`
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewBufferString(body))
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(token)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	os.Stdout.Write(out)
	fmt.Println()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("POST %s: %s", url, resp.Status)
	}
	return nil
}
