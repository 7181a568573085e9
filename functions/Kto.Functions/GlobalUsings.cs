// The namespaces nearly every function class names: HTTP triggers, action results and the shared HTTP helpers.
global using Kto.Functions.Http;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.Azure.Functions.Worker;
